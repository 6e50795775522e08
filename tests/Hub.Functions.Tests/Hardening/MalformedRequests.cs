using System.Text;
using CsCheck;
using Hub.Functions.Tests.Persons;

namespace Hub.Functions.Tests.Hardening;

/// <summary>
/// Generators of the requests careless clients and attackers send: route values, query values, bodies, media types
/// and encodings of every wrong kind the Hub has met, mixed with valid ones so that the checks behind the first
/// mistake are reached too.
/// </summary>
internal static class MalformedRequests
{
    /// <summary>An ID number no log may ever show: a valid one, so it passes every check a value can pass.</summary>
    public static readonly string Marker = PersonsHub.Id(388);

    /// <summary>A name no log may ever show.</summary>
    public const string NameMarker = "欧阳锋";

    private static readonly string[] Values =
    [
        "1 or 1=1", "2147483648", "-1", "0", "99999999999999999999", "1e309", "NaN", "true", "maybe", string.Empty, " ",
        "2025-02-30", "2025-13-01", "2025-03-01", "2025-03-01T00:00:00Z", "9999-12-31T23:59:59+14:00",
        Marker, NameMarker, "13812345678", "110105001000", "110105", "999999999999", "civil-affairs", "home-visit",
        "../../etc/passwd", "<script>alert(1)</script>", "'; DROP TABLE facts;--", "\u0000", "\uFFFD\uFFFE", "%", "%FF",
        new string('9', 400), new string('a', 3000),
    ];

    private static readonly string[] Segments =
    [
        "not-a-key", Marker, NameMarker, new string('a', 32), new string('A', 32), new string('f', 33), "%", "..", "%2F", "police",
        "civil-affairs", "unknown-source", "0000000000000000000", new string('x', 2000), "index.html", "app.js",
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=gb18030", "text/plain", "text/csv",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=nonsense",
        "*/*", "garbage", null,
    ];

    /// <summary>A generated request for <paramref name="route"/> from one of <paramref name="callers"/>.</summary>
    public static Gen<MalformedRequest> For(CataloguedRoute route, IReadOnlyList<string> callers, IReadOnlyList<string> validKeys) =>
        from caller in Gen.OneOf(callers.ToArray())
        from path in Path(route, validKeys)
        from query in Query(route)
        from body in route.TakesBody ? Gen.Frequency((9, Body.Select(b => (byte[]?)b)), (1, Gen.Const((byte[]?)null))) : Gen.Const((byte[]?)null)
        from contentType in Gen.OneOf(ContentTypes)
        from encoding in Gen.Frequency((6, Gen.Const((string?)null)), (1, Gen.OneOf<string?>("gzip", "br", "deflate", "identity, gzip", "x-nonsense")))
        select new MalformedRequest(caller, route.Method, path + query, body is null ? null : contentType, body, body is null ? null : encoding);

    private static Gen<string> Path(CataloguedRoute route, IReadOnlyList<string> validKeys)
    {
        var segment = Gen.Frequency(
            (2, Gen.OneOf(validKeys.ToArray())),
            (3, Gen.OneOf(Segments).Select(Escape)),
            (1, Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[0, 40].Select(chars => new string(chars))));
        return segment.Array[route.RouteParameters.Count].Select(values =>
        {
            var path = route.Template;
            for (var i = 0; i < route.RouteParameters.Count; i++)
            {
                var name = route.RouteParameters[i];
                path = path.Replace("{" + name + "}", values[i], StringComparison.Ordinal).Replace("{*" + name + "}", values[i], StringComparison.Ordinal);
            }

            return path;
        });
    }

    private static Gen<string> Query(CataloguedRoute route)
    {
        var names = route.QueryParameters.Concat(["pageSize", "continuation", "x"]).Distinct().ToArray();
        var pair = from name in Gen.OneOf(names)
                   from value in Gen.Frequency((5, Gen.OneOf(Values)), (1, Gen.String[0, 20]))
                   select $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        return pair.List[0, 4].Select(pairs => pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs));
    }

    // Objects with the field names the Hub's bodies use, holding values of every wrong type.
    private static Gen<string> JsonObjects { get; } =
        from fields in Gen.OneOf("residentId", "purpose", "claim", "kind", "group", "on", "grade", "division", "reason", "personKey", "from", "into", "to", "identity", "contentType", "mode", "contentEncoding", "length").Array[1, 5]
        from values in Gen.OneOf(
            "12345678901234567", "110105194912310020", "-1", "1.5e300", "true", "null", "[]", "{}", "\"\"", "\"2025-02-30\"",
            $"\"{Marker}\"", $"\"{NameMarker}\"", "{\"kind\":\"inGroup\",\"group\":\"dibao\",\"on\":\"2025-02-30\"}",
            "{\"kind\":\"disabilityGradeAtMost\",\"grade\":\"two\"}", "{\"kind\":\"livesIn\",\"division\":12}",
            "\"home-visit\"", "\"2025-03-01\"", "\"text/csv\"", "\"snapshot\"", "\"gzip\"", "99999999999", $"\"{new string('r', 5000)}\"").Array[5]
        select "{" + string.Join(',', fields.Select((f, i) => $"\"{f}\":{values[i]}")) + "}";

    private static Gen<byte[]> Body { get; } = Gen.Frequency(
        (3, Gen.OneOf(FixedBodies().ToArray())),
        (2, JsonObjects.Select(Encoding.UTF8.GetBytes)),
        (1, Gen.Byte.Array[0, 300]),
        (1, Gen.String[0, 200].Select(Encoding.UTF8.GetBytes)));

    private static IEnumerable<byte[]> FixedBodies()
    {
        string[] texts =
        [
            string.Empty, "{", "}", "null", "[]", "\"a string\"", "12345678901234567", "{\"residentId\":", "{\"residentId\":\"1\"",
            "a=b&residentId=" + Marker, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--", "<xml/>",
            new string('[', 10_000) + new string(']', 10_000), new string('{', 5000), "{\"a\":1,\"a\":2}", "\uFEFF{}",
            "{\"residentId\":\"" + Marker + "\",\"residentId\":\"" + PersonsHub.Id(1) + "\"}",
            "{\"from\":\"2025-02-30\",\"to\":\"x\"}", "{\"from\":\"2025-03-01\",\"to\":\"2024-03-01\"}",
            "{\"claim\":\"x\",\"residentId\":" + Marker[..17] + "}", new string(' ', 100_000),
        ];
        foreach (var text in texts)
        {
            yield return Encoding.UTF8.GetBytes(text);
        }

        yield return [0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE];
        yield return CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes("{\"reason\":\"" + NameMarker + "\"}");
        yield return [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];
    }

    private static string Escape(string segment) =>
        segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '%') ? segment : Uri.EscapeDataString(segment);
}
