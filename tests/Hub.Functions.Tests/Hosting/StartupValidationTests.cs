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
        using var factory = Production(new() { ["Hub:Auth:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Hub:PersonKey:Pepper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_a_missing_token_authority_stops_the_hub_at_start_naming_the_key()
    {
        using var factory = Production(new() { ["Hub:PersonKey:Pepper"] = Convert.ToBase64String(new byte[32]) });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Hub:Auth:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pepper_that_is_too_short_stops_the_hub_at_start()
    {
        using var factory = Production(new()
        {
            ["Hub:PersonKey:Pepper"] = Convert.ToBase64String(new byte[8]),
            ["Hub:Auth:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_match_rules_stop_the_hub_at_start()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("hub-rules-").FullName, "matching.json");
        File.WriteAllText(file, """{ "thresholds": { "match": 5, "possibleMatch": 15 }, "fields": [] }""");
        using var factory = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Matching:Path"] = file }) { DeleteStorageOnDispose = false };

        var error = Assert.ThrowsAny<InvalidDataException>(() => factory.CreateClient());

        Assert.Contains("threshold", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_broken_access_policy_stops_the_hub_at_start_naming_the_problem()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("hub-policy-").FullName, "access.json");
        File.WriteAllText(file, """{ "roles": { "Hub.Auditor": { "l1": "shown", "l2": "hidden", "l3": "hidden", "l4": "hidden" } }, "purposes": [ { "id": "home-visit", "label": "入户走访" } ], "breakGlass": { "purpose": "home-visit" } }""");
        using var factory = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Access:PolicyPath"] = file }) { DeleteStorageOnDispose = false };

        var error = Assert.ThrowsAny<InvalidDataException>(() => factory.CreateClient());

        Assert.Contains("roles.Hub.Auditor.l1: must be hidden", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles.Hub.StreetOfficer: is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_access_policy_file_stops_the_hub_at_start_naming_the_key()
    {
        using var factory = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Access:PolicyPath"] = "policy/none.json" }) { DeleteStorageOnDispose = false };

        var error = Assert.ThrowsAny<InvalidDataException>(() => factory.CreateClient());

        Assert.Contains("Hub:Access:PolicyPath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hub:RateLimits:TokenLimit", "0")]
    [InlineData("Hub:RateLimits:TokensPerPeriod", "1000")]
    [InlineData("Hub:RateLimits:ReplenishmentPeriod", "00:00:00")]
    public void A_wrong_rate_limit_stops_the_hub_at_start_naming_the_key(string key, string value)
    {
        using var factory = new HubFactory(azurite, new Dictionary<string, string?> { [key] = value }) { DeleteStorageOnDispose = false };

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> Production(Dictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Hub:Storage:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Hub:Storage:NamePrefix", AzuriteFixture.UniquePrefix());
            builder.UseSetting("Hub:Triggers:RunLocally", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
