using System.CommandLine;
using Nectar.Cli;

// SIGINT and SIGTERM cancel the running command's token; a node then stops gracefully, which may take longer than
// System.CommandLine's default two seconds before it ends the process.
return await NectarCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
