using System.Text;
using System.Text.Json.Nodes;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.ApiDescription;

/// <summary>The checker every answer of the integration tests goes through finds what the document does not say, and names no value.</summary>
public sealed class OpenApiContractTests
{
    private const string Key = "3fa9c2d14b7e4a0c9d2e6f8a1b3c5d7e";

    private static readonly OpenApiContract Contract = OpenApiContract.Of("""
        {"openapi": "3.1.1", "paths": {"/api/persons/{personKey}": {"get": {"operationId": "GetPerson", "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}},
            "202": {"description": "Accepted", "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}},
            "404": {"description": "Not found", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
         "components": {"schemas": {"Key": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "Person": {"type": "object", "required": ["personKey"], "properties": {"personKey": {"$ref": "#/components/schemas/Key"}}}}}}
        """);

    [Fact]
    public void An_answer_as_documented_passes()
    {
        Assert.Empty(Contract.Check(Answer(200, "application/json; charset=utf-8", $$"""{"personKey": "{{Key}}"}""")));
    }

    [Fact]
    public void A_key_sent_as_an_object_fails_its_schema_without_its_value_in_the_message()
    {
        var violation = Assert.Single(Contract.Check(Answer(200, "application/json", $$$"""{"personKey": {"value": "{{{Key}}}"}}""")));

        Assert.Contains("GET GetPerson answered 200", violation, StringComparison.Ordinal);
        Assert.Contains("/personKey", violation, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..8], violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(409, "application/problem+json", "does not list that status")]
    [InlineData(404, "text/plain", "text/plain, which the document does not list")]
    [InlineData(202, "application/json", "without the Location header")]
    public void What_the_document_does_not_say_is_named(int status, string contentType, string expected)
    {
        var violation = Assert.Single(Contract.Check(Answer(status, contentType, $$"""{"personKey": "{{Key}}"}""")));

        Assert.Contains(expected, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_example_that_breaks_its_schema_is_reported_with_where_and_why()
    {
        var schema = JsonNode.Parse("""{"$ref": "#/components/schemas/Person"}""")!;

        Assert.Null(Contract.CheckExample("test", schema, JsonNode.Parse($$"""{"personKey": "{{Key}}"}""")));
        Assert.Contains("/personKey", Contract.CheckExample("test", schema, JsonNode.Parse("""{"personKey": 7}""")), StringComparison.Ordinal);
    }

    private static ObservedResponse Answer(int status, string contentType, string body) =>
        new("GET", "GetPerson", status, contentType, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Content-Type" }, Encoding.UTF8.GetBytes(body));
}
