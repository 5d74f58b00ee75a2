package steps

import "context"

func registerVariables(r *registry, x *scenarioSteps) {
	r.add(`^I save the response field "([^"]*)" as "([^"]*)"$`,
		`I save the response field "storeId" as "storeId"`, x.saveField)
	r.add(`^the variable "([^"]*)" is "([^"]*)"$`, `the variable "name" is "Corner Shop {unique}"`, x.setVariable)
}

func (x *scenarioSteps) saveField(_ context.Context, path, name string) error {
	r, err := x.s.Last()
	if err != nil {
		return err
	}
	v, err := r.Field(path)
	if err != nil {
		return err
	}
	x.s.Set(name, v.String())
	return nil
}

func (x *scenarioSteps) setVariable(_ context.Context, name, value string) error {
	value, err := x.s.Expand(value)
	if err != nil {
		return err
	}
	x.s.Set(name, value)
	return nil
}
