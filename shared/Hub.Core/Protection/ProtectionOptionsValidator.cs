using Microsoft.Extensions.Options;

namespace Hub.Core.Protection;

/// <summary>Checks the key ring at start-up, so a missing or malformed key stops the Hub instead of the first write.</summary>
internal sealed class ProtectionOptionsValidator : IValidateOptions<ProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Keys.Count == 0 || string.IsNullOrWhiteSpace(options.CurrentKey))
        {
            return ValidateOptionsResult.Fail(
                $"{ProtectionOptions.SectionName}:Keys and {ProtectionOptions.SectionName}:CurrentKey are not configured: set at least one key (base64 of 32 bytes; in Azure a Key Vault reference) and name the current one.");
        }

        var failures = new List<string>();
        foreach (var (id, value) in options.Keys)
        {
            if (!KeyRing.IsKeyId(id))
            {
                failures.Add($"{ProtectionOptions.SectionName}:Keys has an id that is not 1–32 letters, digits or '-'.");
            }
            else if (!KeyRing.TryDecodeKey(value, out _))
            {
                failures.Add($"{ProtectionOptions.SectionName}:Keys:{id} must be base64 of exactly 32 bytes.");
            }
        }

        if (!options.Keys.ContainsKey(options.CurrentKey))
        {
            failures.Add($"{ProtectionOptions.SectionName}:CurrentKey names a key that {ProtectionOptions.SectionName}:Keys does not have.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
