using Hub.Core.Access;
using Hub.Core.Access.Residents;
using Hub.Core.Audit;
using Hub.Core.Checks;
using Hub.Core.Divisions;
using Hub.Core.Exchange;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Matching;
using Hub.Core.Identity.Resolution;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Quality;
using Hub.Core.Reads;
using Hub.Core.Retention;
using Hub.Core.Storage;
using Hub.Core.Subjects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core;

/// <summary>Registers the Hub's domain services.</summary>
public static class HubCoreServiceCollectionExtensions
{
    /// <summary>The development pepper: used only when the environment is Development and none is configured.</summary>
    private const string DevelopmentPepper = "aHViLWRldmVsb3BtZW50LXBlcHBlci1ub3QtYS1zZWNyZXQtMDAwMDA=";

    /// <summary>The development key-encryption key: used only when the environment is Development and none is configured.</summary>
    private const string DevelopmentKey = "aHViLWRldmVsb3BtZW50LWtleS1ub3QtYS1zZWNyZXQ=";

    private const string DevelopmentKeyId = "development";

    /// <summary>
    /// Registers the domain's parts behind feed processing: person keys, feeds, profiles, the resident index and identity
    /// resolution; validates their configuration at start-up.
    /// </summary>
    public static IServiceCollection AddHubFeeds(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.TryAddSingleton(TimeProvider.System);
        AddPersonKeys(services, configuration, environment);
        AddDivisions(services, configuration);
        AddFeedProcessing(services, configuration);
        AddProfiles(services, configuration);
        AddResidentIndex(services, configuration);
        AddIdentityResolution(services, configuration);
        AddChangeEvents(services, configuration);
        AddChecks(services, configuration);
        AddRetention(services, configuration);
        return services;
    }

    // Identity/Keys: the keyed hash that turns an ID number into a person key.
    private static void AddPersonKeys(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<PersonKeyOptions>()
            .Bind(configuration.GetSection(PersonKeyOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Pepper) && environment.IsDevelopment())
                {
                    o.Pepper = DevelopmentPepper;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonKeyOptions>, PersonKeyOptionsValidator>();
        services.AddSingleton<PersonKeyHasher>();

        // Protection: the key-encryption keys that wrap each person's data key.
        services.AddOptions<ProtectionOptions>()
            .Bind(configuration.GetSection(ProtectionOptions.SectionName))
            .PostConfigure(o =>
            {
                if (o.Keys.Count == 0 && string.IsNullOrWhiteSpace(o.CurrentKey) && environment.IsDevelopment())
                {
                    o.Keys[DevelopmentKeyId] = DevelopmentKey;
                    o.CurrentKey = DevelopmentKeyId;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProtectionOptions>, ProtectionOptionsValidator>();
        services.AddSingleton<KeyRing>();

        // The feed archive and the rejected rows are sealed files (HubStorage takes these options when registered).
        services.AddSingleton(sp =>
        {
            var ring = sp.GetRequiredService<KeyRing>();
            return new BlobSealing(BlobKeyEncryptionKey.Current(ring), BlobKeyEncryptionKey.Resolver(ring), BlobKeyEncryptionKey.Algorithm);
        });
    }

    // Divisions: the registry of names, parents and successors, held in memory; the shipped file's changes are policy changes.
    private static void AddDivisions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DivisionRegistryOptions>()
            .Bind(configuration.GetSection(DivisionRegistryOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Hub:Divisions:Path must name the shipped division registry.")
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Hub:Divisions:RefreshInterval must be positive.")
            .ValidateOnStart();
        services.AddPolicyFile<DivisionRegistryOptions>("divisions/registry.json", o => o.Path);
        services.AddSingleton<DivisionDirectory>();
    }

    // Feeds: the Hub's files checked together (HubFilesCheck), the source catalogue, intake, held snapshots and the three phases of processing a batch.
    private static void AddFeedProcessing(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourceCatalogOptions>().Bind(configuration.GetSection(SourceCatalogOptions.SectionName));
        services.AddPolicyFolder<SourceCatalogOptions>("sources", o => o.Path);
        services.AddSingleton(sp => HubFilesCheck.Run(new HubFiles(
            ConfiguredPath.Resolve(sp.GetRequiredService<IOptions<SourceCatalogOptions>>().Value.Path),
            ConfiguredPath.Resolve(sp.GetRequiredService<IOptions<ProfileRulesOptions>>().Value.Path),
            ConfiguredPath.Resolve(sp.GetRequiredService<IOptions<MatchRulesOptions>>().Value.Path),
            ConfiguredPath.Resolve(sp.GetRequiredService<IOptions<AccessPolicyOptions>>().Value.PolicyPath))));
        services.AddSingleton(sp => sp.GetRequiredService<HubFilesReport>().Require(r => r.Sources));
        services.AddOptions<FeedProcessingOptions>()
            .Bind(configuration.GetSection(FeedProcessingOptions.SectionName))
            .Validate(o => o.MaxPayloadBytes > 0 && o.MergeConcurrency > 0 && o.ResolveConcurrency > 0 && o.FirstRejectionsShown >= 0 && o.PointReadPersonsPerPartition >= 0, "Hub:Feeds settings must be positive.")
            .Validate(o => o.SnapshotEndDateShare is >= 0 and <= 1, "Hub:Feeds:SnapshotEndDateShare must lie between 0 and 1.")
            .Validate(o => o.SpillBudgetBytes is null or > 0, "Hub:Feeds:SpillBudgetBytes must be positive when set.")
            .Validate(o => o.UploadUrlLifetime > TimeSpan.Zero && o.UploadUrlLifetime <= TimeSpan.FromDays(7), "Hub:Feeds:UploadUrlLifetime must be positive and at most 7 days (the longest a user delegation key lives).")
            .ValidateOnStart();
        services.AddSingleton<BatchStore>();
        services.AddSingleton<DataQuality>();
        services.AddSingleton<FeedIntake>();
        services.AddSingleton<FeedUploads>();
        services.AddSingleton<SnapshotDecisions>();
        services.AddSingleton<RecordSpiller>();
        services.AddSingleton<BatchResolver>();
        services.AddSingleton<GroupMerger>();
        services.AddSingleton(sp => new FeedProcessor(sp.GetRequiredService<BatchStore>(), sp.GetRequiredService<SourceCatalog>(), sp.GetRequiredService<RecordSpiller>(), sp.GetRequiredService<GroupMerger>(), sp.GetRequiredService<BatchResolver>(), sp.GetRequiredService<BatchChanges>(), sp.GetRequiredService<StorageOperationCounter>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<FeedProcessingOptions>>(), sp.GetRequiredService<ILogger<FeedProcessor>>()));
    }

    // Profiles: the fact store and the rules that build a profile from facts.
    private static void AddProfiles(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FactStore>();
        services.AddOptions<ProfileRulesOptions>().Bind(configuration.GetSection(ProfileRulesOptions.SectionName));
        services.AddPolicyFile<ProfileRulesOptions>("profile-rules", o => o.Path);
        services.AddSingleton(sp => sp.GetRequiredService<HubFilesReport>().Require(r => r.ProfileRules));
        services.AddSingleton(sp => new ProfileBuilder(sp.GetRequiredService<ProfileRules>(), sp.GetRequiredService<PersonKeyHasher>().KeyedHash));
    }

    // Access/Residents: the resident index, street rosters and the directory that lists them.
    private static void AddResidentIndex(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ResidentRowBuilder>();
        services.AddSingleton<CandidateIndex>();
        services.AddSingleton<ResidentIndex>();
        services.AddOptions<ResidentRosterOptions>()
            .Bind(configuration.GetSection(ResidentRosterOptions.SectionName))
            .Validate(o => o.RosterCacheRows > 0, $"{ResidentRosterOptions.SectionName}:RosterCacheRows must be positive.")
            .ValidateOnStart();
        services.AddSingleton<StreetRosters>();
        services.AddSingleton(sp => new ResidentDirectory(sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<StreetRosters>()));
    }

    // Identity: matching, resolution, reconciliation, the steward queue and decisions, and the profile reader over them.
    private static void AddIdentityResolution(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new ResidentReconciler(sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<CandidateIndex>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<ResidentRowBuilder>(), sp.GetRequiredService<KeyRing>(), sp.GetRequiredService<ProfileRules>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ResidentReconciler>>()));
        services.AddSingleton<LinkedViews>();
        services.AddSingleton<PersonResolver>();
        services.AddSingleton<ProvisionalMatcher>();
        services.AddSingleton(sp => new ProfileReader(sp.GetRequiredService<FactStore>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<ResidentIndex>(), sp.GetRequiredService<ProfileBuilder>(), sp.GetRequiredService<ProfileRules>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new StewardDecisions(sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<FactStore>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<FeedProcessingOptions>>()));
        services.AddSingleton(sp => new PossibleMatches(sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<FactStore>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<ProfileReader>(), sp.GetRequiredService<PersonMatcher>(), sp.GetRequiredService<IOptions<FeedProcessingOptions>>()));
        services.AddOptions<MatchRulesOptions>().Bind(configuration.GetSection(MatchRulesOptions.SectionName));
        services.AddPolicyFile<MatchRulesOptions>("match-rules", o => o.Path);
        services.AddSingleton(sp => new PersonMatcher(sp.GetRequiredService<HubFilesReport>().Require(r => r.MatchRules)));
    }

    // Exchange: the change events the merge derives, their feed, and the subscriptions that read it.
    private static void AddChangeEvents(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChangeEventOptions>()
            .Bind(configuration.GetSection(ChangeEventOptions.SectionName))
            .Validate(o => o.ExpiryHorizonDays >= 0 && o.RetentionDays > 0 && o.MaxPageSize > 0, $"{ChangeEventOptions.SectionName}: ExpiryHorizonDays must not be negative, RetentionDays and MaxPageSize must be positive.")
            .Validate(o => o.ExpiringGroups.All(g => GroupId.TryParse(g, out _)), $"{ChangeEventOptions.SectionName}:ExpiringGroups must be group ids.")
            .ValidateOnStart();
        services.AddSingleton<ChangeDeriver>();
        services.AddSingleton<ChangeEventLog>();
        services.AddSingleton<BatchChanges>();
        services.AddSingleton(sp => new SubscriptionStore(sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<ChangeEventLog>(), sp.GetRequiredService<KeyRing>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// Registers push delivery of change events to subscribers' endpoints (<see cref="PushDelivery"/>); needs
    /// <see cref="AddHubPersonReads"/> (the change feed it reads) and the audit trail.
    /// </summary>
    public static IServiceCollection AddHubPushDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushDeliveryOptions>()
            .Bind(configuration.GetSection(PushDeliveryOptions.SectionName))
            .Validate(o => o.IsValid, $"{PushDeliveryOptions.SectionName}: Timeout is up to 5 minutes, Attempts 1 to 50, LongestRetry at least FirstRetry and up to 7 days (a queue message waits no longer), EventsPerDelivery 1 to 1000.")
            .ValidateOnStart();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton(sp => new PushDeliveryStore(sp.GetRequiredService<HubStorage>()));
        services.AddSingleton(sp => new PushDelivery(
            sp.GetRequiredService<SubscriptionStore>(), sp.GetRequiredService<ChangeFeed>(), sp.GetRequiredService<PushDeliveryStore>(), sp.GetRequiredService<WebhookSender>(),
            sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<IOptions<PushDeliveryOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PushDelivery>>()));
        return services;
    }

    // Checks: the cross-department checks (rules/checks.json), loaded and checked against the profile rules at start-up, and their worklist.
    private static void AddChecks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckRulesOptions>()
            .Bind(configuration.GetSection(CheckRulesOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{CheckRulesOptions.SectionName}:Path must name the checks file.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CheckRulesOptions>, CheckRulesOptionsValidator>();
        services.AddPolicyFile<CheckRulesOptions>("checks", o => o.Path);
        services.AddSingleton(sp => CheckRules.Load(ConfiguredPath.Resolve(sp.GetRequiredService<IOptions<CheckRulesOptions>>().Value.Path), sp.GetRequiredService<ProfileRules>()));
        services.AddSingleton(sp => new Worklist(sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<CheckRules>(), sp.GetRequiredService<ProfileBuilder>(), sp.GetRequiredService<ProfileRules>(), sp.GetRequiredService<KeyRing>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<StorageOperationCounter>(), sp.GetRequiredService<ILogger<Worklist>>()));
    }

    // Retention: how long a person is kept after their purpose is achieved, and the sweep that erases them.
    private static void AddRetention(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.DefaultYears >= 1 && o.Groups.Values.All(y => y >= 1) && o.Sources.Values.All(y => y >= 1), $"{RetentionOptions.SectionName}: every number of years must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => new PersonCopies(
            sp.GetRequiredService<Worklist>(), sp.GetRequiredService<BreakGlassGrants>(), sp.GetRequiredService<CorrectionRequests>(), sp.GetRequiredService<PossibleMatches>(), sp.GetRequiredService<ChangeEventLog>()));
        services.AddSingleton(sp => new RetentionSweep(
            sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<FactStore>(), sp.GetRequiredService<KeyRing>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<ResidentRowBuilder>(),
            sp.GetRequiredService<ResidentIndex>(), sp.GetRequiredService<PersonCopies>(), sp.GetRequiredService<ProfileBuilder>(), sp.GetRequiredService<ProfileRules>(),
            sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<IOptions<RetentionOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RetentionSweep>>()));
        services.AddSingleton<IPersonKeyHistory>(sp => sp.GetRequiredService<PersonKeyRotation>());
        services.AddSingleton(sp => new PersonKeyRotation(
            sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<KeyRing>(), sp.GetRequiredService<PersonKeyHasher>(), sp.GetRequiredService<SourceCatalog>(), sp.GetRequiredService<ResidentReconciler>(),
            sp.GetRequiredService<Worklist>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<FactStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PersonKeyRotation>>()));
    }

    /// <summary>
    /// Registers what users read of persons (<see cref="PersonDisclosure"/>) and the break-glass grants it honours; needs
    /// <see cref="AddHubFeeds"/> and the access policy (<c>AddHubAccessPolicy</c>).
    /// </summary>
    public static IServiceCollection AddHubPersonReads(this IServiceCollection services)
    {
        services.AddSingleton<BreakGlassGrants>();
        services.AddSingleton<PersonRenderer>();
        services.AddSingleton(sp => new ChangeFeed(sp.GetRequiredService<ChangeEventLog>(), sp.GetRequiredService<PolicyRenderer>(), sp.GetRequiredService<ProfileRules>(), sp.GetRequiredService<IOptions<ChangeEventOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DivisionDirectory>()));
        services.AddSingleton(sp => new WorklistReads(sp.GetRequiredService<PersonRenderer>(), sp.GetRequiredService<PolicyRenderer>(), sp.GetRequiredService<CheckRules>()));
        services.AddSingleton(sp => new PersonDisclosure(sp.GetRequiredService<AccessPolicy>(), sp.GetRequiredService<ProfileReader>(), sp.GetRequiredService<BreakGlassGrants>(), sp.GetRequiredService<PersonRenderer>(), sp.GetRequiredService<ProfileRules>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DivisionDirectory>()));
        services.AddSingleton(sp => new SubjectReports(sp.GetRequiredService<PersonDisclosure>(), sp.GetRequiredService<ProfileReader>(), sp.GetRequiredService<AuditSearch>(), sp.GetRequiredService<IPersonKeyHistory>(), sp.GetRequiredService<ProfileRules>(), sp.GetRequiredService<IOptions<AuditOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CorrectionRequests>();
        return services;
    }
}
