// Placeholder until the first lesson lands; delete it then.
