namespace Hub.Functions.WebConsole;

/// <summary>
/// A fictional user of the development sign-in: who they are, their role and where they sit. Never a real person;
/// accepted only where development tokens are (Development, no Entra ID authority).
/// </summary>
/// <param name="Id">The identity's id, also the token subject.</param>
/// <param name="Role">The app role: a <c>Hub.*</c> personal role or <c>Feeds.Publish.{source}</c>.</param>
/// <param name="Division">The 12-digit division of a personal identity.</param>
/// <param name="Grid">The grid of a grid worker.</param>
/// <param name="Source">The source of a department integrator (feed publisher).</param>
/// <param name="Department">The department (source id) of a department officer.</param>
/// <param name="Label">How the sign-in page names them (Chinese).</param>
/// <param name="LabelEn">How the sign-in page names them (English).</param>
internal sealed record SampleIdentity(string Id, string Role, string? Division, string? Grid, string? Source, string Label, string LabelEn, string? Department = null);
