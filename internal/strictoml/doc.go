// Package strictoml decodes TOML configuration into Go structs strictly:
// every mistake is an error that names the file, the line and the key.
//
// [Decode] rejects syntax errors and duplicate keys (from the TOML parser),
// unknown keys (with the closest known key as a suggestion), values of the
// wrong type, NaN and infinite numbers, negative durations, and values that
// fail a field's check tag. Fields keep their prior values when the document
// does not set them, so a struct filled with defaults is the natural target.
//
// Overrides ("path.to.key=value", as given with --set on the command line)
// are applied to the document before decoding and validated the same way;
// their errors name the override instead of a line.
//
// Keys, their bounds and their docs are the fields' toml, check and doc
// tags, as internal/configtag defines them.
//
// A field whose type implements [ValueDecoder] decodes its own raw value,
// for keys that accept more than one TOML type; one that implements
// [encoding.TextUnmarshaler] (an enumeration) takes a string.
//
// Durations are strings in Go syntax ("200ms", "1.5s", "10m", "2us") and
// are never negative.
//
// Paths name values as "table.key" and "array[index].key", the same syntax
// overrides use.
package strictoml
