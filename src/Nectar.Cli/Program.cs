using Nectar.Cli;

return NectarCommand.Create().Parse(args).Invoke();
