using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Hosting;

/// <summary>
/// Turns a request the framework could not read (a query value of the wrong type, a body that is not the JSON the
/// route takes, a wrong media type, a body shorter than its <c>Content-Length</c>) into a problem that names the
/// parameter and what it must be. The framework's own messages quote the raw value ("Failed to bind parameter
/// "int pageSize" from "110105…""), which may be an ID number, so they are never echoed or logged: only the
/// parameter's name and type are taken from them, and a JSON path only when it is made of plain property names.
/// </summary>
internal static partial class UnreadableRequest
{
    /// <summary>The problem that answers <paramref name="exception"/>; its status is the exception's (400, 408, 413 or 415).</summary>
    public static ProblemDetails Describe(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", "The body is larger than this route accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the body as application/json."),
            StatusCodes.Status408RequestTimeout => ("Request body too slow", "The body arrived too slowly; send it again."),
            _ => ("Invalid request", DescribeBadRequest(exception)),
        };
        return new ProblemDetails { Status = status, Title = title, Detail = detail };
    }

    /// <summary>The name of the parameter whose value failed to bind (a route or query value of the wrong form); null for any other refusal.</summary>
    public static string? FailedParameter(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return BindingFailed().Match(exception.Message) is { Success: true } binding ? binding.Groups["name"].Value : null;
    }

    private static string DescribeBadRequest(BadHttpRequestException exception)
    {
        var message = exception.Message;
        if (BindingFailed().Match(message) is { Success: true } binding)
        {
            return $"'{QueryName(binding.Groups["name"].Value)}' must be {Expected(binding.Groups["type"].Value)}.";
        }

        if (Required().Match(message) is { Success: true } required)
        {
            return required.Groups["source"].Value == "body"
                ? "The request needs a JSON body."
                : $"'{QueryName(required.Groups["name"].Value)}' is required.";
        }

        if (ImplicitBody().IsMatch(message))
        {
            return "The request needs a JSON body.";
        }

        if (JsonBody().IsMatch(message))
        {
            var path = exception.InnerException is JsonException { Path: { } p } && PlainPath().IsMatch(p) && p != "$" ? p : null;
            return path is null
                ? "The body is not the JSON this route takes: check it against the OpenAPI document (/api/openapi/v1.json)."
                : $"The body is not the JSON this route takes: the value at {path} has the wrong type or form, or the JSON is broken there.";
        }

        return message.StartsWith("Unexpected end of request content", StringComparison.Ordinal)
            ? "The body ended before its Content-Length."
            : "The request could not be read.";
    }

    // Parameters of [AsParameters] types are named by their properties (From); their query names are camel case (from).
    private static string QueryName(string parameter) => JsonNamingPolicy.CamelCase.ConvertName(parameter);

    private static string Expected(string type) => Unwrapped(type) switch
    {
        "int" or "long" or "Int32" or "Int64" => "a whole number",
        "double" or "Double" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateOnly" => "a date, YYYY-MM-DD",
        "DateTimeOffset" or "DateTime" => "a date and time in ISO 8601, e.g. 2025-03-01T00:00:00+08:00",
        _ => "of the documented form",
    };

    // The framework names Nullable<int> so; int? and Int32 are taken too.
    private static string Unwrapped(string type) =>
        type.StartsWith("Nullable<", StringComparison.Ordinal) ? type["Nullable<".Length..^1] : type.TrimEnd('?');

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+?) (?<name>\w+)" from """, RegexOptions.CultureInvariant)]
    private static partial Regex BindingFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+?) (?<name>\w+)" was not provided from (?<source>[\w ]+)\.$""", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex("""^Implicit body inferred for parameter """, RegexOptions.CultureInvariant)]
    private static partial Regex ImplicitBody();

    [GeneratedRegex("""^Failed to read parameter "[^"]+" from the request body as JSON\.$""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonBody();

    // Property names of letters only: an ID number, a phone or a Chinese name used as a key never matches.
    [GeneratedRegex(@"^\$(\.[A-Za-z]{1,40}|\[\d{1,6}\])*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainPath();
}
