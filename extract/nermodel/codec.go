package nermodel

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

// magic opens every model file (inside the gzip stream).
const magic = "entente-nermodel/1\n"

// Write serializes the model: a gzip stream holding a header (magic, JSON
// Meta, weight scale) and then only the non-zero rows of the hashed weight
// table, each as a delta-coded row number and zigzag-varint int16 weights.
// The output is deterministic.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("nermodel: write: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }

	bw.WriteString(magic)
	meta, err := json.Marshal(m.meta)
	if err != nil {
		return fmt.Errorf("nermodel: write: %w", err)
	}
	put(uint64(len(meta)))
	bw.Write(meta)
	binary.LittleEndian.PutUint64(buf[:8], math.Float64bits(m.scale))
	bw.Write(buf[:8])
	put(uint64(m.logBuckets))
	put(numLabels)
	buckets := m.w.buckets()
	put(uint64(len(buckets)))
	last := -1
	for _, b := range buckets {
		put(uint64(int(b) - last))
		last = int(b)
		for _, x := range m.w.row(b) {
			bw.Write(buf[:binary.PutVarint(buf[:], int64(x))])
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("nermodel: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("nermodel: write: %w", err)
	}
	return nil
}

// Read loads a model written by Write. It checks the format and the feature
// version and reports truncated or corrupt data as an error. A model whose
// Meta().Lexicon is set was trained with lexicon features: give it the same
// lexicon with WithLexicon (Default does this for the embedded model).
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("nermodel: read: not a model file (gzip: %w)", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	fail := func(what string, err error) (*Model, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("nermodel: read %s: %w", what, err)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("nermodel: read: not a model file (bad magic)")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("header", err)
	}
	if n > 1<<16 {
		return nil, fmt.Errorf("nermodel: read: header of %d bytes is too large", n)
	}
	metaJSON := make([]byte, n)
	if _, err := io.ReadFull(br, metaJSON); err != nil {
		return fail("header", err)
	}
	m := &Model{}
	if err := json.Unmarshal(metaJSON, &m.meta); err != nil {
		return nil, fmt.Errorf("nermodel: read header: %w", err)
	}
	if m.meta.FeatureVersion != FeatureVersion {
		return nil, fmt.Errorf("nermodel: read: model uses features %q, this program computes %q: retrain it", m.meta.FeatureVersion, FeatureVersion)
	}
	var sb [8]byte
	if _, err := io.ReadFull(br, sb[:]); err != nil {
		return fail("header", err)
	}
	m.scale = math.Float64frombits(binary.LittleEndian.Uint64(sb[:]))
	if !(m.scale > 0) || math.IsInf(m.scale, 0) {
		return nil, fmt.Errorf("nermodel: read: bad weight scale %v", m.scale)
	}
	lb, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("header", err)
	}
	if lb < 10 || lb > 24 {
		return nil, fmt.Errorf("nermodel: read: log buckets %d out of range 10..24", lb)
	}
	m.logBuckets = uint(lb)
	nl, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("header", err)
	}
	if nl != numLabels {
		return nil, fmt.Errorf("nermodel: read: model has %d labels, want %d", nl, numLabels)
	}
	nrows := 1 << lb
	rows, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("header", err)
	}
	if rows > uint64(nrows) {
		return nil, fmt.Errorf("nermodel: read: %d rows for %d buckets", rows, nrows)
	}
	m.w = newTable(0) // grows as rows arrive: never trust the header's count
	row := make([]int16, numLabels)
	r0 := -1
	for i := uint64(0); i < rows; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("weights", err)
		}
		if d == 0 || d > uint64(nrows) || r0+int(d) >= nrows {
			return nil, fmt.Errorf("nermodel: read weights: row %d out of range", uint64(r0)+d)
		}
		r0 += int(d)
		for k := 0; k < numLabels; k++ {
			x, err := binary.ReadVarint(br)
			if err != nil {
				return fail("weights", err)
			}
			if x < math.MinInt16 || x > math.MaxInt16 {
				return nil, fmt.Errorf("nermodel: read weights: value %d out of int16 range", x)
			}
			row[k] = int16(x)
		}
		if zeroRow(row) {
			return nil, fmt.Errorf("nermodel: read weights: row %d is all zeros", r0)
		}
		m.w.put(uint32(r0), row)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("nermodel: read: trailing data after the weights")
	}
	return m, nil
}
