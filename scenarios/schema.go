package scenarios

import (
	"reflect"
	"sync"

	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/scenarios/verdict"
)

// ReportSchema returns the schema of the run's report: every numeric path
// a criterion may name.
var ReportSchema = sync.OnceValue(func() *verdict.Schema {
	return verdict.SchemaOf(reflect.TypeFor[Summary](), func(path string) []string {
		if path != "requests.failed" {
			return nil
		}
		var reasons []string
		for _, r := range esgt.Reasons()[1:] {
			reasons = append(reasons, r.String())
		}
		return reasons
	})
})
