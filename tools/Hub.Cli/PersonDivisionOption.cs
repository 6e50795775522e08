using System.CommandLine;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>The <c>--division</c> of the development token a command mints for a person (an auditor, a steward) when no token is given.</summary>
internal static class PersonDivisionOption
{
    /// <summary>An option for a person in <paramref name="role"/>, checked as the Hub would place them.</summary>
    public static Option<string> Create(string role, string who, string defaultDivision)
    {
        var option = new Option<string>("--division")
        {
            Description = $"The division of the development {who}'s token minted when no token is given (default {defaultDivision})",
            DefaultValueFactory = _ => defaultDivision,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && HubUser.Describe("hub-cli", [role], result.Tokens[0].Value, null, null, out _, out _, out _) is { } reason)
            {
                result.AddError($"--division: {reason}.");
            }
        });
        return option;
    }
}
