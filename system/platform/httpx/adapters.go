package httpx

import (
	"context"
	"net/http"
)

// Created adapts a use case taking a decoded body to a 201 handler.
func Created[In, Out any](fn func(context.Context, In) (Out, error)) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		in, err := Decode[In](r)
		if err != nil {
			return err
		}
		out, err := fn(r.Context(), in)
		if err != nil {
			return err
		}
		return JSON(w, http.StatusCreated, out)
	}
}

// ByID adapts a use case taking the path value param to a 200 handler.
func ByID[Out any](param string, fn func(context.Context, string) (Out, error)) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		out, err := fn(r.Context(), r.PathValue(param))
		if err != nil {
			return err
		}
		return JSON(w, http.StatusOK, out)
	}
}

// WithBody adapts a use case taking the path value param and a decoded body.
func WithBody[In, Out any](param string, fn func(context.Context, string, In) (Out, error), status int) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		in, err := Decode[In](r)
		if err != nil {
			return err
		}
		out, err := fn(r.Context(), r.PathValue(param), in)
		if err != nil {
			return err
		}
		return JSON(w, status, out)
	}
}
