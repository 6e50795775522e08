using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>The document's title, the bearer scheme, a description of every tag and the server as the Hub that served the document.</summary>
internal sealed class HubDocumentTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Storage reachability, without a token and without personal data.",
        ["Sources"] = "The configured departmental sources and their field mappings.",
        ["Feeds"] = "Departments push feed files and follow each batch to a per-row account.",
        ["Profiles"] = "Whole golden profiles with provenance, for data stewards.",
        ["Resolution"] = "The data stewards' possible-match queue and their link, reject, merge and split decisions.",
        ["Divisions"] = "The division registry: counties, streets, communities and grids with names, parents, validity and successors; read by anyone signed in, a new version loaded by administrators (checked, audited as a policy change).",
        ["Persons"] = "Tiered reads of people for personal roles: lists of a division, a person, a household, claims verified; rendered by the access policy and audited.",
        ["Subscriptions"] = "Subscriptions to change events (deaths, moves, memberships starting, ending and expiring) their pull feed and signed push delivery of CloudEvents, rendered by the access policy for the subscriber and audited as disclosures; dead letters and their re-drive.",
        ["Worklist"] = "Cross-department checks (比对核查): the worklist items of a department or an area, with their evidence and history, rendered by the access policy; confirmed or dismissed with a reason.",
        ["Data quality"] = "Data quality per department, recorded by each batch as it completes: rejections by reason, completeness per attribute, rows kept without an ID, timeliness, disagreement with other departments, the stewards' backlog, the trend and a batch's movement; counts and rates, never a person.",
        ["Retention"] = "The retention sweep for administrators: preview who has outlived the retention policy, or erase them now; persons are named by key only, and every request is audited.",
        ["Person keys"] = "The pepper rotation for administrators: start or continue the re-keying of every person key under the new pepper, and read how far it has come; counts only, never a person, and every request is audited.",
        ["Audit"] = "The audit trail for auditors: verification, search, export, proofs and alerts.",
        ["Console"] = "The web console's own files and settings; no personal data.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Hub: special-group data exchange",
            Version = "v1",
            Description = "Departments push feeds; the Hub keeps one profile per person and answers tiered queries. " +
                "Every call except /api/health, the console's files and this document needs a bearer token. " +
                "Resident ID numbers travel in bodies only.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Entra ID access token in Azure; locally a development token from `hub token`.",
        };

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description ??= description;
            }
        }

        // Relative: the Hub that served the document, wherever it runs (locally, in Azure, behind a gateway), rather
        // than the host name this one request happened to use. Every path already starts with /api.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The Hub that served this document." }];

        return Task.CompletedTask;
    }
}
