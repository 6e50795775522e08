using Hub.Cli;

return await HubCli.InvokeAsync(args, Console.Out, Console.Error);
