using Hub.Core;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Storage;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Checks;
using Hub.Functions.Divisions;
using Hub.Functions.Feeds;
using Hub.Functions.FunctionsHost;
using Hub.Functions.Health;
using Hub.Functions.Hosting;
using Hub.Functions.PersonKeys;
using Hub.Functions.Persons;
using Hub.Functions.Profiles;
using Hub.Functions.Quality;
using Hub.Functions.Resolution;
using Hub.Functions.Retention;
using Hub.Functions.Sources;
using Hub.Functions.Subscriptions;
using Hub.Functions.WebConsole;

var builder = WebApplication.CreateBuilder(args);

builder.AddCustomHandlerHosting();
builder.AddHubTelemetry();
builder.Services.AddHubStorage(builder.Configuration);
builder.Services.AddHubFeeds(builder.Configuration, builder.Environment);
builder.Services.AddHubAudit(builder.Configuration);
builder.Services.AddHubAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddHubAccessPolicy(builder.Configuration);
builder.Services.AddHubPersonReads();
builder.Services.AddHubPushDelivery(builder.Configuration);
builder.Services.AddHubRateLimits(builder.Configuration);
builder.Services.AddProfilesApi();
builder.Services.AddHeldSnapshotsApi();
builder.Services.AddAuditApi();
builder.Services.AddAuditRecording();
builder.Services.AddPersonsApi();
builder.Services.AddSubscriptionsApi();
builder.Services.AddWorklistApi();
builder.Services.AddDivisionsApi();
builder.Services.AddHubProblemDetails();
builder.Services.AddHubApiDescription();
builder.Services.AddHubConsole(builder.Configuration);
builder.Services.AddQueueTriggers(builder.Configuration);

var app = builder.Build();

app.UseHubProblemDetails();
app.UseHubResponseHeaders();
app.UseAuditedRequests();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseJsonCharsetCheck();

app.MapHealthApi();
app.MapSourcesApi();
app.MapFeedsApi();
app.MapFeedUploadsApi();
app.MapHeldSnapshotsApi();
app.MapProfilesApi();
app.MapResolutionApi();
app.MapPersonsApi();
app.MapSubjectRequestsApi();
app.MapResidentsApi();
app.MapVerificationsApi();
app.MapSubscriptionsApi();
app.MapPushDeliveriesApi();
app.MapWorklistApi();
app.MapRetentionApi();
app.MapPersonKeysApi();
app.MapErasureRequestsApi();
app.MapQualityApi();
app.MapDivisionsApi();
app.MapAuditApi();
app.MapHubApiDescription();
app.MapHubConsole();
app.MapQueueTriggers();
app.MapTimerTriggers();

if (FunctionMetadataCommand.IsRequested(args))
{
    return FunctionMetadataCommand.Run(app, args);
}

if (!await app.CheckHubFilesAsync())
{
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The Hub's entry point; public so integration tests can host it.</summary>
public partial class Program;
