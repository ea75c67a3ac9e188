// Package param is what the model packages share about their
// configuration: the error a Validate method returns about one key
// ([FieldError]) and the check of every key against the bounds its tags
// state ([Check]), so that a config's bounds are written once, in its
// struct's tags, for scenario files and Go callers alike.
//
// A key is named as a scenario file spells it, relative to the config
// that was validated: "refractory_period" of esgt's triggers is
// "triggers.refractory_period" of esgt.Config, and a program that embeds
// the config in a table of its own prefixes the key with that table's
// name, with no need to read the message.
package param
