using System.Runtime.CompilerServices;
using Hub.Core.Kernel;

namespace Hub.Architecture.Tests;

public sealed class HandlerSurfaceTests
{
    [Fact]
    public void The_handler_sees_only_the_cores_public_surface()
    {
        var friends = typeof(PersonKey).Assembly.GetCustomAttributes(typeof(InternalsVisibleToAttribute), inherit: false)
            .Cast<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName);

        Assert.DoesNotContain(typeof(Program).Assembly.GetName().Name, friends);
    }
}
