global using HostFactory = OneTimeBot.Testing.HostFactory<Program>;
