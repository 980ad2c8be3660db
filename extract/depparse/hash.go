package depparse

// Feature keys are 32-bit hashes of a template id and up to three parts.
// Key 0 is never produced, so tables can use it for an empty slot.

const (
	k1 = 0x9E3779B97F4A7C15
	k3 = 0x165667B19E3779F9
)

func key3(t uint32, a, b, c uint32) uint32 {
	h := (uint64(a)<<32 | uint64(b)) ^ (uint64(c)<<8|uint64(t))*k3
	h *= k1
	x := uint32(h >> 32)
	if x == 0 {
		x = 1
	}
	return x
}

// hashString hashes s with ASCII letters lowered and ASCII digits folded to
// '0' (FNV-1a), so "Iran", "IRAN" and "iran" share features, as do "1996"
// and "2017".
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '1' && c <= '9':
			c = '0'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h | 1
}
