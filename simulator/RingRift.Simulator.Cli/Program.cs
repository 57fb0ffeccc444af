using RingRift.Simulator.Cli;

return CliApp.Build().Parse(args).Invoke();
