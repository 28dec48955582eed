// Placeholder until the first lesson's tests land; delete it then.
