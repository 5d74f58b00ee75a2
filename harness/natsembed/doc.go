// Package natsembed runs a NATS server with JetStream inside the current
// process, for tests and for the local e2e runtime.
//
// The server listens on 127.0.0.1 and keeps its JetStream data in a store
// folder. Shutdown stops it but keeps the folder and the port, so Restart
// brings the same broker back at the same URL with its streams and
// messages: this is how "broker down" scenarios are played. Close stops it
// for good and removes the folder if this package created it. Such a folder
// names its owner process (package owner): Start and Sweep remove those
// whose owner was killed before Close.
package natsembed
