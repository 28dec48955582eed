// Replaced by the first lesson of this module.
