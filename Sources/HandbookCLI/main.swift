import ArgumentParser
import HandbookCommands

// The whole command lives in HandbookCommands, so its tests can parse
// arguments and run subcommands without spawning this executable.
Handbook.main()
