package pgtemp

// Attach returns a Server for a server that another process started and
// owns (a test binary's subprocess sharing its parent's): databases can be
// created and dropped on it, and Stop leaves it running.
func Attach(port, major int) *Server {
	return &Server{port: port, major: major, attached: true}
}

// Major is the server's PostgreSQL major version.
func (s *Server) Major() int { return s.major }
