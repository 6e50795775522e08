using System.Globalization;
using System.Threading.RateLimiting;
using Hub.Core.Access;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Access;

/// <summary>
/// Per-user rate limits on person data (ASP.NET Core rate limiting): one token bucket per token subject, so one
/// user scraping a district's residents cannot go unnoticed or starve the others. A rejection is 429 with
/// <c>Retry-After</c> and a problem body, audited as denied. Feed pushes are not limited: a department's nightly register is one request.
/// </summary>
internal static partial class RateLimitExtensions
{
    /// <summary>The policy an endpoint group names with <c>RequireRateLimiting</c>.</summary>
    public const string PerUserPolicy = "PerUser";

    public static IServiceCollection AddHubRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubRateLimitOptions>()
            .Bind(configuration.GetSection(HubRateLimitOptions.SectionName))
            .Validate(o => o.TokenLimit > 0, $"{HubRateLimitOptions.SectionName}:TokenLimit must be positive.")
            .Validate(o => o.TokensPerPeriod > 0 && o.TokensPerPeriod <= o.TokenLimit, $"{HubRateLimitOptions.SectionName}:TokensPerPeriod must be positive and at most TokenLimit.")
            .Validate(o => o.ReplenishmentPeriod >= TimeSpan.FromSeconds(1), $"{HubRateLimitOptions.SectionName}:ReplenishmentPeriod must be at least 00:00:01.")
            .ValidateOnStart();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(PerUserPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<HubRateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.TokenLimit,
                    TokensPerPeriod = options.TokensPerPeriod,
                    ReplenishmentPeriod = options.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    // Authorization runs first, so a limited endpoint's caller has a subject; the address is a fallback only.
    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirst(HubClaims.Subject)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;

    // The audit middleware records the refusal (a refused harvest is still an attempt on person data), and the
    // problem, with its "try again in" detail, is written after it; so nothing is written here.
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<HubRateLimitOptions>>().Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.ReplenishmentPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        LogRejected(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitExtensions)), http.GetEndpoint()?.DisplayName);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Per-user rate limit reached on {Endpoint}")]
    private static partial void LogRejected(ILogger logger, string? endpoint);
}
