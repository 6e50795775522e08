namespace Hub.Core.Identity.Resolution;

/// <summary>Where a page of the queue stopped: the last item shown, in the page's order. The next page starts after it.</summary>
/// <param name="SortKey">The item's place in the order, as an ordinal-sortable text (opaque outside the queue).</param>
/// <param name="RecordKey">The item's record key, which breaks ties.</param>
public sealed record QueuePosition(string SortKey, string RecordKey);
