namespace Hub.Cli.Drafting;

/// <summary>What a draft is made with besides the sample: the source's names, its encoding setting and today.</summary>
/// <param name="Source">The source id the draft gets.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Encoding">The encoding setting: <c>auto</c>, <c>utf-8</c> or <c>gb18030</c>.</param>
/// <param name="EncodingReason">Why that setting.</param>
/// <param name="Today">Today, China time: dates after it are future ones.</param>
internal sealed record DraftSettings(string Source, string DisplayName, string Encoding, string EncodingReason, DateOnly Today);
