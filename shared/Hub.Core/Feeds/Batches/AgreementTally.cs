namespace Hub.Core.Feeds.Batches;

/// <summary>How a batch's values of one attribute compare with another department's for the same persons.</summary>
/// <param name="Attribute">The compared attribute, e.g. <c>name</c>.</param>
/// <param name="OtherSource">The other department's source.</param>
/// <param name="Compared">Persons for whom both hold a current value.</param>
/// <param name="Differing">Of those, persons whose value in this batch is none of the other department's.</param>
public sealed record AgreementTally(string Attribute, string OtherSource, long Compared, long Differing);
