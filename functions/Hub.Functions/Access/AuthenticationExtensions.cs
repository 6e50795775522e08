using Hub.Core.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Functions.Access;

/// <summary>Bearer-token authentication (Entra ID in Azure, development tokens locally) and the Hub's policies.</summary>
internal static class AuthenticationExtensions
{
    public const string FeedPublisherPolicy = "FeedPublisher";

    /// <summary>The source's feed client, an officer of its department, or an administrator.</summary>
    public const string FeedReaderPolicy = "FeedReader";

    /// <summary>A person holding the administrator role: the Hub's operation (retention, the division registry, push dead letters).</summary>
    public const string AdministratorPolicy = "Administrator";

    public static IServiceCollection AddHubAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<HubAuthOptions>()
            .Bind(configuration.GetSection(HubAuthOptions.SectionName))
            .Validate(
                o => environment.IsDevelopment() || !string.IsNullOrWhiteSpace(o.Authority),
                "Hub:Auth:Authority is not configured: outside Development the Hub accepts only tokens from an Entra ID authority.")
            .ValidateOnStart();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<HubAuthOptions>>((jwt, hubAuth) => Configure(jwt, hubAuth.Value));

        services.AddSingleton<IAuthorizationHandler, SourcePublisherHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalReasonResultHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PlaceableIdentityRequirement()).Build())
            .AddPolicy(FeedPublisherPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new PlaceableIdentityRequirement(), new SourcePublisherRequirement()))
            .AddPolicy(FeedReaderPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new PlaceableIdentityRequirement(), new SourcePublisherRequirement(DepartmentReads: true)))
            .AddPolicy(AdministratorPolicy, policy => policy.RequirePersonalIdentity([HubRoles.Administrator]));
        return services;
    }

    /// <summary>A policy for a personal identity, placed as its role needs, holding one of <paramref name="roles"/>.</summary>
    public static AuthorizationPolicyBuilder RequirePersonalIdentity(this AuthorizationPolicyBuilder policy, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.RequireAuthenticatedUser().AddRequirements(new PersonalIdentityRequirement(roles));
    }

    private static void Configure(JwtBearerOptions jwt, HubAuthOptions options)
    {
        // Keep claim names as issued ("roles", "sub"), not mapped to long WS-* URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAudience = options.Audience,
            RoleClaimType = HubClaims.Roles,
            NameClaimType = HubClaims.Subject,
            ClockSkew = TimeSpan.FromMinutes(1),
        };

        jwt.Events = new JwtBearerEvents { OnTokenValidated = RefuseUnusableClaims };

        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            // Development only (enforced at start-up): tokens minted by `hub token` with the public development key.
            jwt.TokenValidationParameters.ValidIssuer = DevelopmentTokens.Issuer;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKey;
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            jwt.RequireHttpsMetadata = false;
        }
        else
        {
            jwt.Authority = options.Authority;
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
        }
    }

    private static Task RefuseUnusableClaims(TokenValidatedContext context)
    {
        if (context.Principal is { } principal && TokenClaimsCheck.Problem(principal) is { } problem)
        {
            context.Fail(problem);
        }

        return Task.CompletedTask;
    }
}
