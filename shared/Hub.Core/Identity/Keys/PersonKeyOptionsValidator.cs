using Microsoft.Extensions.Options;

namespace Hub.Core.Identity.Keys;

/// <summary>Checks that the pepper is base64 and long enough, so a bad secret stops the Hub at start-up.</summary>
internal sealed class PersonKeyOptionsValidator : IValidateOptions<PersonKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonKeyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Pepper))
        {
            return ValidateOptionsResult.Fail("Hub:PersonKey:Pepper is not configured: set it to a base64 secret of at least 32 bytes (in Azure, a Key Vault reference).");
        }

        Span<byte> buffer = stackalloc byte[256];
        if (!Convert.TryFromBase64String(options.Pepper, buffer, out var length) || length < 32)
        {
            return ValidateOptionsResult.Fail("Hub:PersonKey:Pepper must be base64 and decode to at least 32 bytes.");
        }

        if (options.RetiredPepper is { Length: > 0 } retired)
        {
            if (!Convert.TryFromBase64String(retired, buffer, out length) || length < 32)
            {
                return ValidateOptionsResult.Fail("Hub:PersonKey:RetiredPepper must be base64 and decode to at least 32 bytes.");
            }

            if (retired == options.Pepper)
            {
                return ValidateOptionsResult.Fail("Hub:PersonKey:RetiredPepper is the current pepper: a rotation needs a new Hub:PersonKey:Pepper.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
