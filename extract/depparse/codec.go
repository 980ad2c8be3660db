package depparse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

const magic = "entente-depparse 3\n"

// Write writes m gzip-compressed. The bytes depend only on the model, so a
// deterministic training run reproduces its file exactly.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	meta, err := json.Marshal(m.meta)
	if err != nil {
		return err
	}
	writeBytes(bw, meta)
	writeUvarint(bw, uint64(len(m.labels)))
	for _, l := range m.labels {
		writeBytes(bw, []byte(l))
	}
	for _, t := range []*table{m.tagger, m.actions, m.arcLabels} {
		writeTable(bw, t)
	}
	writeUvarint(bw, uint64(m.dict.n))
	prev := uint32(0)
	m.dict.each(func(k uint32, tag uint8) {
		writeUvarint(bw, uint64(k-prev))
		bw.WriteByte(tag)
		prev = k
	})
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("depparse: writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("depparse: writing model: %w", err)
	}
	return nil
}

func writeUvarint(w *bufio.Writer, x uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], x)])
}

func writeBytes(w *bufio.Writer, b []byte) {
	writeUvarint(w, uint64(len(b)))
	w.Write(b)
}

// writeTable writes width, scale, the row count, then each row as the
// delta of its key from the previous one and its weights as zig-zag varints.
func writeTable(w *bufio.Writer, t *table) {
	writeUvarint(w, uint64(t.width))
	writeUvarint(w, uint64(math.Float32bits(t.scale)))
	writeUvarint(w, uint64(t.logBuckets))
	writeUvarint(w, uint64(t.n))
	prev := uint32(0)
	t.each(func(k uint32, row []int16) {
		writeUvarint(w, uint64(k-prev))
		prev = k
		for _, x := range row {
			writeUvarint(w, uint64(uint16(x)<<1^uint16(x>>15)))
		}
	})
}

// Read reads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("depparse: reading model: %w", err)
	}
	br := bufio.NewReader(zr)
	m, err := readModel(br)
	if err != nil {
		return nil, fmt.Errorf("depparse: reading model: %w", err)
	}
	return m, nil
}

var errFormat = errors.New("not a depparse model")

func readModel(br *bufio.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errFormat
	}
	metaJSON, err := readBytes(br, 1<<16)
	if err != nil {
		return nil, err
	}
	var meta Meta
	if err := json.Unmarshal(metaJSON, &meta); err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	nl, err := binary.ReadUvarint(br)
	if err != nil || nl == 0 || nl > 250 {
		return nil, fmt.Errorf("label count %d: %w", nl, errFormat)
	}
	labels := make([]string, nl)
	for i := range labels {
		b, err := readBytes(br, 256)
		if err != nil {
			return nil, err
		}
		labels[i] = string(b)
	}
	m, err := newModel(meta, labels)
	if err != nil {
		return nil, err
	}
	widths := []int{numUPOS, 3, len(labels)}
	tabs := make([]*table, 3)
	for i, want := range widths {
		if tabs[i], err = readTable(br, want); err != nil {
			return nil, err
		}
	}
	m.tagger, m.actions, m.arcLabels = tabs[0], tabs[1], tabs[2]
	nd, err := binary.ReadUvarint(br)
	if err != nil || nd > 1<<22 {
		return nil, fmt.Errorf("tag dictionary of %d words: %w", nd, errFormat)
	}
	keys, tags := make([]uint32, nd), make([]uint8, nd)
	k := uint32(0)
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		t, err := br.ReadByte()
		if err != nil {
			return nil, err
		}
		if (i > 0 && d == 0) || int(t) >= numUPOS {
			return nil, fmt.Errorf("tag dictionary: %w", errFormat)
		}
		k += uint32(d)
		keys[i], tags[i] = k, t
	}
	m.dict = newTagDict(keys, tags)
	return m, nil
}

func readBytes(br *bufio.Reader, limit uint64) ([]byte, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("field of %d bytes: %w", n, errFormat)
	}
	b := make([]byte, n)
	_, err = io.ReadFull(br, b)
	return b, err
}

func readTable(br *bufio.Reader, width int) (*table, error) {
	w, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if int(w) != width {
		return nil, fmt.Errorf("table width %d, want %d: %w", w, width, errFormat)
	}
	sc, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	lb, err := binary.ReadUvarint(br)
	if err != nil || lb > 24 {
		return nil, fmt.Errorf("table of 2^%d buckets: %w", lb, errFormat)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return nil, fmt.Errorf("table of %d rows: %w", n, errFormat)
	}
	keys := make([]uint32, n)
	rows := make([][]int16, n)
	key := uint32(0)
	for i := 0; i < int(n); i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		key += uint32(d)
		if key == 0 || (i > 0 && d == 0) {
			return nil, fmt.Errorf("bad key: %w", errFormat)
		}
		row := make([]int16, width)
		for j := range row {
			z, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, err
			}
			row[j] = int16(uint16(z>>1) ^ -uint16(z&1))
		}
		keys[i], rows[i] = key, row
	}
	t := buildTable(width, uint32(lb), keys, rows)
	if t.n != int(n) {
		return nil, fmt.Errorf("table rows do not fit its buckets: %w", errFormat)
	}
	t.scale = math.Float32frombits(uint32(sc))
	return t, nil
}
