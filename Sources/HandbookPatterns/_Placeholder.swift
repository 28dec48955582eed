/// Placeholder until the first lesson lands; remove it then.
enum _Placeholder {}
