package nats

import (
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// ServerOptions configure the embedded server.
type ServerOptions struct {
	// Host and Port to listen on; Port -1 picks a free port (for tests).
	Host string
	Port int
	// StoreDir holds JetStream's file store; it survives restarts.
	StoreDir string
	// MaxPayload is the largest message accepted; 0 means 64 MiB, enough
	// for entente's default document size limit.
	MaxPayload int32
}

// Server is an embedded NATS server with JetStream.
type Server struct{ ns *server.Server }

// Serve starts an embedded NATS server with JetStream and waits until it
// accepts connections.
func Serve(o ServerOptions) (*Server, error) {
	if o.StoreDir == "" {
		return nil, fmt.Errorf("nats: serve: a store directory is required")
	}
	if o.Host == "" {
		o.Host = "127.0.0.1"
	}
	if o.MaxPayload == 0 {
		o.MaxPayload = 64 << 20
	}
	ns, err := server.NewServer(&server.Options{
		ServerName: "entente",
		Host:       o.Host,
		Port:       o.Port,
		JetStream:  true,
		StoreDir:   o.StoreDir,
		MaxPayload: o.MaxPayload,
		// The default pending limit is below one large document.
		MaxPending: int64(o.MaxPayload) * 2,
		NoSigs:     true,
	})
	if err != nil {
		return nil, fmt.Errorf("nats: serve: %w", err)
	}
	ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("nats: serve: the server on %s:%d did not become ready within 10s", o.Host, o.Port)
	}
	return &Server{ns: ns}, nil
}

// ClientURL is the URL clients connect to.
func (s *Server) ClientURL() string { return s.ns.ClientURL() }

// Shutdown stops the server and waits until it has stopped.
func (s *Server) Shutdown() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
}
