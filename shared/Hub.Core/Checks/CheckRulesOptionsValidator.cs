using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Microsoft.Extensions.Options;

namespace Hub.Core.Checks;

/// <summary>
/// Loads the checks file at start-up with the profile rules it names groups of, so a missing file or a bad check stops
/// the Hub with a message naming the file, the check and the key.
/// </summary>
internal sealed class CheckRulesOptionsValidator(IOptions<ProfileRulesOptions> profiles) : IValidateOptions<CheckRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{CheckRulesOptions.SectionName}:Path must name the checks file.");
        }

        try
        {
            var rules = ProfileRules.Load(ConfiguredPath.Resolve(profiles.Value.Path));
            CheckRules.Load(ConfiguredPath.Resolve(options.Path), rules);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException ex)
        {
            return ValidateOptionsResult.Fail($"{CheckRulesOptions.SectionName}:Path: {ex.Message}");
        }
    }
}
