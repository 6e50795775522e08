using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Hub.Functions.Hosting;

/// <summary>
/// A JSON body declared in a charset no decoder knows (<c>application/json; charset=nonsense</c>) is a 415 problem:
/// the framework would fail to read it with an error of its own, which is not a client's mistake to it.
/// </summary>
internal static class JsonCharsetCheck
{
    public static WebApplication UseJsonCharsetCheck(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null
                && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
                && type.MediaType.Value?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true
                && type.Charset.HasValue
                && !IsKnown(type.Charset.Value!))
            {
                throw new BadHttpRequestException("The body's charset is not one the Hub decodes.", StatusCodes.Status415UnsupportedMediaType);
            }

            return next(context);
        });
        return app;
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
