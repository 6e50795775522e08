using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Reads;

namespace Hub.Functions.Persons;

/// <summary>
/// A read of a person that follows a pepper rotation: a key from before it (a bookmark, a subscriber's copy, a key on a
/// filed request) reads the person at the key it moved to, and while the rotation runs an ID number finds a person not
/// moved yet at the retired pepper's key. Only the read that answers is kept, so the request's one audit event names the
/// key the person was read at.
/// </summary>
internal static class RotatedReads
{
    /// <summary>The read at <paramref name="key"/>, or, when it finds nobody and a rotation moved the key, at its new key.</summary>
    public static async Task<PersonRead<T>> ByKeyAsync<T>(PersonKeyRotation rotation, PersonKey key, Func<PersonKey, Task<PersonRead<T>>> read, CancellationToken cancellationToken)
        where T : class
    {
        var answer = await read(key);
        return answer.Value is null && await rotation.MovedToAsync(key, cancellationToken) is { } moved ? await read(moved) : answer;
    }

    /// <summary>The read at the current pepper's key of <paramref name="id"/>, then, while a rotation runs, at the retired pepper's.</summary>
    public static async Task<PersonRead<T>> ByIdAsync<T>(PersonKeyRotation rotation, ResidentId id, Func<PersonKey, Task<PersonRead<T>>> read)
        where T : class
    {
        var keys = rotation.KeysOf(id);
        var answer = await read(keys[0]);
        return answer.Value is null && keys.Count > 1 ? await read(keys[1]) : answer;
    }
}
