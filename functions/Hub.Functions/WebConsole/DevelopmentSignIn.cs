using System.Globalization;
using System.Text;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.WebConsole;

/// <summary>
/// The console's local sign-in: lists the sample identities and mints a development token for the one picked. Mapped
/// only in Development without an Entra ID authority, exactly where the Hub accepts development tokens; anywhere
/// else these routes do not exist.
/// </summary>
internal static class DevelopmentSignIn
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static bool IsEnabled(IHostEnvironment environment, HubAuthOptions auth) =>
        environment.IsDevelopment() && string.IsNullOrWhiteSpace(auth.Authority);

    public static RouteGroupBuilder MapDevelopmentSignIn(this RouteGroupBuilder group)
    {
        group.MapGet("/dev/identities", ListIdentities).WithName("ListSampleIdentities")
            .WithSummary("Development only: the fictional sample identities the console signs in as");
        group.MapGet("/dev/identities.txt", ListIdentitiesAsText).WithName("ListSampleIdentitiesAsText")
            .WithSummary("Development only: the sample identities as a plain table (printed by eng/run.sh)")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
        group.MapPost("/dev/sign-in", SignIn).WithName("DevelopmentSignIn")
            .WithSummary("Development only: a development token for one sample identity")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static Ok<IReadOnlyList<SampleIdentity>> ListIdentities() => TypedResults.Ok(SampleIdentities.All);

    internal static ContentHttpResult ListIdentitiesAsText() => TypedResults.Text(Describe(), "text/plain", Encoding.UTF8);

    internal static Results<Ok<DevelopmentToken>, ProblemHttpResult> SignIn(DevelopmentSignInRequest request, TimeProvider time)
    {
        var identity = SampleIdentities.All.FirstOrDefault(i => i.Id == request.Identity);
        if (identity is null)
        {
            return HubProblems.BadRequest("Unknown sample identity", $"Pick one of: {string.Join(", ", SampleIdentities.All.Select(i => i.Id))}.");
        }

        var now = time.GetUtcNow();
        return TypedResults.Ok(new DevelopmentToken(SampleIdentities.Mint(identity, Lifetime, now), now + Lifetime, identity));
    }

    /// <summary>The sample identities as a plain table, for the start-up message and eng/run.sh.</summary>
    public static string Describe()
    {
        var text = new StringBuilder();
        foreach (var i in SampleIdentities.All)
        {
            var where = i.Source is null
                ? $"division {i.Division}{(i.Grid is null ? string.Empty : " grid " + i.Grid)}{(i.Department is null ? string.Empty : " department " + i.Department)}"
                : $"source {i.Source}";
            text.Append(CultureInfo.InvariantCulture, $"  {i.Id,-34} {i.Role,-40} {where}\n");
        }

        return text.ToString();
    }
}
