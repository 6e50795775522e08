using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Tests.Hosting;

[Collection(AzuriteFixture.Collection)]
public sealed class StartupValidationTests(AzuriteFixture azurite)
{
    [Fact]
    public void Outside_development_a_missing_pepper_stops_the_hub_at_start_naming_the_key()
    {
        var error = StartupError<OptionsValidationException>(() => Production(new() { ["Hub:Auth:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0" }));

        Assert.Contains("Hub:PersonKey:Pepper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_a_missing_token_authority_stops_the_hub_at_start_naming_the_key()
    {
        var error = StartupError<OptionsValidationException>(() => Production(new() { ["Hub:PersonKey:Pepper"] = Convert.ToBase64String(new byte[32]) }));

        Assert.Contains("Hub:Auth:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_a_missing_protection_key_stops_the_hub_at_start_naming_the_keys()
    {
        var error = StartupError<OptionsValidationException>(() => Production(new()
        {
            ["Hub:PersonKey:Pepper"] = Convert.ToBase64String(new byte[32]),
            ["Hub:Auth:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            ["Hub:Protection:CurrentKey"] = "",
        }));

        Assert.Contains("Hub:Protection:Keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pepper_that_is_too_short_stops_the_hub_at_start()
    {
        var error = StartupError<OptionsValidationException>(() => Production(new()
        {
            ["Hub:PersonKey:Pepper"] = Convert.ToBase64String(new byte[8]),
            ["Hub:Auth:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
        }));

        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_match_rules_stop_the_hub_at_start()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("hub-rules-").FullName, "matching.json");
        File.WriteAllText(file, """{ "thresholds": { "match": 5, "possibleMatch": 15 }, "fields": [] }""");
        var error = StartupError<InvalidDataException>(() => new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Matching:Path"] = file }) { DeleteStorageOnDispose = false });

        Assert.Contains("threshold", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_broken_access_policy_stops_the_hub_at_start_naming_the_problem()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("hub-policy-").FullName, "access.json");
        File.WriteAllText(file, """{ "roles": { "Hub.Auditor": { "l1": "shown", "l2": "hidden", "l3": "hidden", "l4": "hidden" } }, "purposes": [ { "id": "home-visit", "label": "入户走访" } ], "breakGlass": { "purpose": "home-visit" } }""");
        var error = StartupError<InvalidDataException>(() => new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Access:PolicyPath"] = file }) { DeleteStorageOnDispose = false });

        Assert.Contains("roles.Hub.Auditor.l1: must be hidden", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles.Hub.StreetOfficer: is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_access_policy_file_stops_the_hub_at_start_naming_the_key()
    {
        var error = StartupError<InvalidDataException>(() => new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Access:PolicyPath"] = "policy/none.json" }) { DeleteStorageOnDispose = false });

        Assert.Contains("Hub:Access:PolicyPath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hub:RateLimits:TokenLimit", "0")]
    [InlineData("Hub:RateLimits:TokensPerPeriod", "1000")]
    [InlineData("Hub:RateLimits:ReplenishmentPeriod", "00:00:00")]
    public void A_wrong_rate_limit_stops_the_hub_at_start_naming_the_key(string key, string value)
    {
        var error = StartupError<OptionsValidationException>(() => new HubFactory(azurite, new Dictionary<string, string?> { [key] = value }) { DeleteStorageOnDispose = false });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_roster_cache_of_no_rows_stops_the_hub_at_start_naming_the_key()
    {
        var error = StartupError<OptionsValidationException>(() => new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Residents:RosterCacheRows"] = "0" }) { DeleteStorageOnDispose = false });

        Assert.Contains("Hub:Residents:RosterCacheRows", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The exception the Hub stops with at start. When start-up fails, the test host and the failing host race to
    /// dispose the service provider, and the test host now and then reports that race (an ObjectDisposedException)
    /// instead of the Hub's own error; a fresh attempt then shows the Hub's error.
    /// </summary>
    private static TException StartupError<TException>(Func<WebApplicationFactory<Program>> create)
        where TException : Exception
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = create();
            try
            {
                factory.CreateClient().Dispose();
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                continue;
            }
            catch (TException error)
            {
                return error;
            }

            throw new Xunit.Sdk.XunitException($"The Hub started; expected it to stop with {typeof(TException).Name}.");
        }
    }

    private WebApplicationFactory<Program> Production(Dictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Hub:Storage:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Hub:Storage:NamePrefix", AzuriteFixture.UniquePrefix());
            builder.UseSetting("Hub:Triggers:RunLocally", "false");
            if (!settings.ContainsKey("Hub:Protection:CurrentKey"))
            {
                builder.UseSetting("Hub:Protection:Keys:k1", Convert.ToBase64String(new byte[32]));
                builder.UseSetting("Hub:Protection:CurrentKey", "k1");
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
