package strictoml

import "github.com/pelletier/go-toml/v2"

// PeekString returns the value of the top-level key in the document data
// after the overrides, if it is there and is a string (or a bare date, as
// a string field takes it). It reports nothing about malformed documents or
// overrides: [Decode] does, with positions. A loader uses it to choose the
// defaults Decode decodes onto, such as those of a scenario's revision.
func PeekString(data []byte, overrides []string, key string) (string, bool) {
	doc := map[string]any{}
	if err := toml.Unmarshal(data, &doc); err != nil {
		return "", false
	}
	for _, s := range overrides {
		o, err := parseOverride(s)
		if err != nil || o.apply(doc) != nil {
			return "", false
		}
	}
	raw, ok := doc[key]
	if !ok {
		return "", false
	}
	return stringValue(raw)
}
