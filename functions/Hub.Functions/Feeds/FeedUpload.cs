using Hub.Core.Feeds.Processing;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Feeds;

/// <summary>
/// Hands a push's body to the intake: undoes a gzip or brotli content encoding and lifts the server's body limit to the Hub's
/// own. The intake keeps nothing of a body that cannot be read to its end and raises the body's own error again, so a
/// client that stalls or goes away mid-upload (<see cref="BadHttpRequestException"/>) is answered by the Hub's one
/// error path like any unreadable request; a body that merely ends short of its declared length is answered here.
/// </summary>
internal static class FeedUpload
{
    public static async Task<(IntakeResult? Result, ProblemHttpResult? Problem)> AcceptAsync(HttpContext context, FeedSubmission submission, FeedIntake intake, long limit, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var encoding = request.Headers.ContentEncoding.ToString().ToLowerInvariant();
        var decode = encoding is not ("" or "identity");
        if (decode && encoding is not ("gzip" or "x-gzip" or "br"))
        {
            return (null, HubProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content encoding", "Send the feed uncompressed, or with Content-Encoding: gzip or br."));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            // The intake enforces the limit itself while streaming (on the decompressed feed); lift the server's
            // default (30 MB) to just above it.
            sizeFeature.MaxRequestBodySize = limit + 1;
        }

        // A compressed body's Content-Length counts compressed bytes; its decoder tells whether it arrived whole.
        submission = submission with { DeclaredBytes = decode ? null : request.ContentLength };
        var body = !decode ? request.Body : encoding == "br" ? new BrotliRequestBody(request.Body) : (Stream)new GzipRequestBody(request.Body);
        try
        {
            return (await intake.AcceptAsync(submission, body, cancellationToken), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        catch (InvalidDataException ex) when (decode)
        {
            return (null, HubProblems.BadRequest("Corrupt compressed feed", $"The body is not valid {encoding} data: {ex.Message}. Nothing was stored; push the feed again."));
        }
        finally
        {
            if (decode)
            {
                await body.DisposeAsync();
            }
        }
    }

    public static ProblemHttpResult Incomplete() =>
        HubProblems.BadRequest("Incomplete feed", "The request body ended before its declared length (Content-Length), or could not be read to its end; nothing was stored. Push the feed again.");

    public static ProblemHttpResult TooLarge(long limit) =>
        HubProblems.Of(StatusCodes.Status413PayloadTooLarge, "Feed too large", $"The feed is larger than the limit of {limit} bytes (Hub:Feeds:MaxPayloadBytes, counted after decompression); split it into several deltas.");
}
