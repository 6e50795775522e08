using System.CommandLine;
using System.Text.Json;

namespace Hub.Cli;

/// <summary>
/// <c>hub subscriptions create|list|end|delivery|redrive</c>: a subscriber's subscriptions to change events, and the
/// push delivery of those with an endpoint. Without a token, a
/// development street officer's (or <c>--role</c>'s) is minted; subscriptions belong to the token's subject.
/// </summary>
internal static class SubscriptionsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("subscriptions", "Subscribe to change events (deaths, moves, memberships starting, ending, expiring); list and end subscriptions.");
        command.Subcommands.Add(CreateCommand(context));
        command.Subcommands.Add(ListCommand(context));
        command.Subcommands.Add(EndCommand(context));
        command.Subcommands.Add(DeliveryCommand(context));
        command.Subcommands.Add(RedriveCommand(context));
        return command;
    }

    private static Command CreateCommand(CliContext context)
    {
        var types = new Option<string[]>("--type") { Description = "An event type to receive, e.g. hub.person.deceased (repeat for more; none: every type)", AllowMultipleArgumentsPerToken = false };
        var groups = new Option<string[]>("--group") { Description = "Only events about members of this group, e.g. dibao (repeat for more)" };
        var divisions = new Option<string[]>("--only-in") { Description = "Only events naming a place in this division, inside the subscriber's area (repeat for more)" };
        var purpose = new Option<string?>("--purpose") { Description = "The purpose events are rendered for, e.g. benefit-review; conditional attributes need one" };
        var endpoint = new Option<string?>("--endpoint") { Description = "An https URL to push the events to as they are published, signed (prints the signing secret, once)" };
        var subscriber = new SubscriberOptions();
        var command = new Command("create", "Make a subscription; its feed starts now. Prints the subscription.") { types, groups, divisions, purpose, endpoint };
        subscriber.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await subscriber.ConnectAsync(parsed, context).ConfigureAwait(false);
            var request = new { types = parsed.GetValue(types) ?? [], groups = parsed.GetValue(groups) ?? [], divisions = parsed.GetValue(divisions) ?? [], purpose = parsed.GetValue(purpose), endpoint = parsed.GetValue(endpoint) };
            var answer = await client.CreateSubscriptionAsync(request, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Subscription {answer.Value.GetProperty("id").GetString()} made; its feed starts at cursor {answer.Value.GetProperty("start").GetString()}.").ConfigureAwait(false);
            if (answer.Value.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.String)
            {
                await context.Output.WriteLineAsync($"Events are pushed to {answer.Value.GetProperty("endpoint").GetString()}, signed with this secret (shown only now; give it to the receiver): {secret.GetString()}").ConfigureAwait(false);
            }

            await context.Output.WriteLineAsync($"Read it with: hub events pull --subscription {answer.Value.GetProperty("id").GetString()}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var subscriber = new SubscriberOptions();
        var command = new Command("list", "List the subscriber's subscriptions, newest first.");
        subscriber.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await subscriber.ConnectAsync(parsed, context).ConfigureAwait(false);
            var answer = await client.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
            var rows = answer.Value.GetProperty("subscriptions").EnumerateArray().Select(s => new[]
            {
                s.GetProperty("id").GetString() ?? string.Empty,
                s.GetProperty("status").GetString() ?? string.Empty,
                List(s.GetProperty("types")),
                List(s.GetProperty("groups")),
                List(s.GetProperty("divisions")),
                s.TryGetProperty("purpose", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "-",
                s.GetProperty("createdAt").GetString() ?? string.Empty,
            }).ToList();
            await PlainTable.WriteAsync(context.Output, ["ID", "STATUS", "TYPES", "GROUPS", "DIVISIONS", "PURPOSE", "CREATED"], rows).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command EndCommand(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The subscription to end" };
        var subscriber = new SubscriberOptions();
        var command = new Command("end", "End a subscription: it delivers nothing more.") { id };
        subscriber.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await subscriber.ConnectAsync(parsed, context).ConfigureAwait(false);
            var answer = await client.EndSubscriptionAsync(parsed.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Subscription {answer.Value.GetProperty("id").GetString()} ended.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DeliveryCommand(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The push subscription" };
        var subscriber = new SubscriberOptions();
        var command = new Command("delivery", "Where a push subscription's delivery stands, and the deliveries parked after every attempt.") { id };
        subscriber.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await subscriber.ConnectAsync(parsed, context).ConfigureAwait(false);
            var answer = await client.GetDeliveryAsync(parsed.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            var state = answer.Value;
            await context.Output.WriteLineAsync($"Endpoint {state.GetProperty("endpoint").GetString()}: next event at cursor {state.GetProperty("cursor").GetString()}, last taken {Text(state, "lastDeliveredAt", "never")}.").ConfigureAwait(false);
            if (state.GetProperty("attempts").GetInt32() > 0)
            {
                await context.Output.WriteLineAsync($"Failing: {state.GetProperty("attempts").GetInt32()} attempt(s), {Text(state, "lastFailure", "-")}; next try {Text(state, "retryAt", "-")}.").ConfigureAwait(false);
            }

            var rows = state.GetProperty("deadLetters").EnumerateArray().Select(l => new[]
            {
                l.GetProperty("id").GetString() ?? string.Empty,
                $"{l.GetProperty("first").GetString()}-{l.GetProperty("last").GetString()}",
                l.GetProperty("events").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.GetProperty("attempts").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.GetProperty("reason").GetString() ?? string.Empty,
                l.GetProperty("parkedAt").GetString() ?? string.Empty,
            }).ToList();
            if (rows.Count > 0)
            {
                await PlainTable.WriteAsync(context.Output, ["DEAD LETTER", "CURSORS", "EVENTS", "ATTEMPTS", "REASON", "PARKED"], rows).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RedriveCommand(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The push subscription" };
        var letter = new Argument<string>("letter") { Description = "The dead letter, as `hub subscriptions delivery` lists it" };
        var subscriber = new SubscriberOptions();
        var command = new Command("redrive", "Send a parked delivery again, once; it leaves the list when the endpoint takes it.") { id, letter };
        subscriber.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await subscriber.ConnectAsync(parsed, context).ConfigureAwait(false);
            var answer = await client.RedriveAsync(parsed.GetValue(id)!, parsed.GetValue(letter)!, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Dead letter {answer.Value.GetProperty("id").GetString()} ({answer.Value.GetProperty("events").GetInt32()} events) is being sent again.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Text(JsonElement element, string property, string absent) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : absent;

    private static string List(JsonElement array)
    {
        var items = array.EnumerateArray().Select(e => e.GetString()).ToList();
        return items.Count == 0 ? "all" : string.Join(',', items);
    }
}
