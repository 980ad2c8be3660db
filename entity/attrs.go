package entity

// Keys of pipeline.Entity.Attrs (and of the record's attrs) and of
// pipeline.Mention.Evidence.
const (
	// AttrCountry is the ID of the country a person, place or
	// organization belongs to (an attribute), or the country an office
	// cue names ("Russian Foreign Minister": evidence).
	AttrCountry = "country"
	// AttrRole is the office a person holds ("Foreign Minister").
	AttrRole = "role"
	// AttrOrg is the ID of the organization an office cue names
	// (evidence).
	AttrOrg = "org"
	// AttrOf is the words an office cue names as the office's holder when
	// they are not a known country or organization ("Apple" in "Apple CEO
	// Tim Cook"; evidence).
	AttrOf = "of"
	// AttrISO is a country's ISO 3166 alpha-2 code.
	AttrISO = "iso"
	// AttrOrgType is an organization's type (media, igo, armed group, ...).
	AttrOrgType = "org_type"
	// AttrCAMEO is the CAMEO actor code of an entity linked to an imported
	// Phoenix actor, the one valid on the document's publication date
	// ("RUSGOV").
	AttrCAMEO = "cameo"
)
