package nats

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/entente-nlp/entente/pipeline"
)

// encodeDoc encodes a document as submitted (what the input source read,
// before any stage) for the documents stream.
func encodeDoc(d *pipeline.Document) ([]byte, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("nats: encoding document %s: %w", d.ID, err)
	}
	return b, nil
}

// decodeDoc decodes a message of the documents stream.
func decodeDoc(data []byte) (*pipeline.Document, error) {
	var d pipeline.Document
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("nats: message is not an entente document: %w", err)
	}
	if d.ID == "" {
		return nil, fmt.Errorf("nats: message is an entente document without an id")
	}
	return &d, nil
}

// MsgID is the Nats-Msg-Id of a submitted document and of its record: a
// digest of the document's id and everything it was read with (text,
// title, publication date, ...) except its position in the input, so the
// same input submitted twice is stored once and a changed one again.
func MsgID(d *pipeline.Document) (string, error) {
	c := *d
	c.Seq = 0
	b, err := json.Marshal(&c)
	if err != nil {
		return "", fmt.Errorf("nats: digesting document %s: %w", d.ID, err)
	}
	sum := sha256.Sum256(b)
	return "entente-" + hex.EncodeToString(sum[:16]), nil
}

// idToken is the subject token for a document id: records and dead
// letters are stored under subject.<token>, one per document id.
func idToken(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:12])
}

// DeadLetter is what the dead-letter stream holds for a document that
// could not be finished.
type DeadLetter struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	MsgID  string `json:"msg_id"`
	// Deliveries is how many times the document was delivered.
	Deliveries uint64 `json:"deliveries"`
	Reason     string `json:"reason"`
	// Document is the message as submitted, so it can be resubmitted.
	Document json.RawMessage `json:"document,omitempty"`
}
