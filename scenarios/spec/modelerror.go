package spec

import (
	"errors"
	"strings"

	"github.com/esgtsim/esgtsim/internal/strictoml"
	"github.com/esgtsim/esgtsim/model/param"
)

// modelError reports err, the error of a model config's Validate, at the
// scenario key it names: the model's keys are the file's below table
// ("fabric." for fabric.Config, "" for esgt.Config, whose keys start with
// their tables). A reason that compares two keys is reported at the line
// of the one the file or an override set (the user wrote degraded_enter =
// 0.9, not the default degraded_exit it contradicts).
func (sc *Scenario) modelError(table string, err error) error {
	var fe *param.FieldError
	if !errors.As(err, &fe) {
		return sc.errorf(strings.TrimSuffix(table, "."), "%v", err)
	}
	key, other := table+fe.Key, ""
	if fe.Other != "" {
		other = table + fe.Other
	}
	msg := fe.Detail(other)
	if other != "" && !sc.meta.Has(key) && sc.meta.Has(other) {
		msg += " (" + key + " is not set: its default)"
		return &strictoml.Error{Pos: sc.meta.Pos(other), Key: key, Msg: msg}
	}
	return sc.errorf(key, "%s", msg)
}
