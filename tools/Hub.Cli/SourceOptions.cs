using System.CommandLine;
using Hub.Core.Kernel;

namespace Hub.Cli;

/// <summary>The <c>--source</c> option and source arguments, checked as source ids before anything is sent.</summary>
internal static class SourceOptions
{
    private const string Message = "a source id is lower-case letters, digits and hyphens, e.g. civil-affairs";

    public static Option<string> Required()
    {
        var option = new Option<string>("--source") { Description = "The source id, e.g. civil-affairs, police", Required = true };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !SourceId.TryParse(result.Tokens[0].Value, out _))
            {
                result.AddError($"--source: {Message}.");
            }
        });
        return option;
    }

    /// <summary>An optional <c>--source</c> that narrows what a command lists.</summary>
    public static Option<string?> Optional(string description)
    {
        var option = new Option<string?>("--source") { Description = description };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !SourceId.TryParse(result.Tokens[0].Value, out _))
            {
                result.AddError($"--source: {Message}.");
            }
        });
        return option;
    }

    public static Argument<string> Argument()
    {
        var argument = new Argument<string>("source") { Description = "The source id, e.g. civil-affairs" };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !SourceId.TryParse(result.Tokens[0].Value, out _))
            {
                result.AddError($"source: {Message}.");
            }
        });
        return argument;
    }
}
