package entity_test

import (
	"fmt"

	"github.com/entente-nlp/entente/entity"
)

func ExampleCountryID() {
	id := entity.CountryID("ru")
	fmt.Println(id, id.Kind(), id.Key(), id.Type())
	// Output:
	// country:RU country RU COUNTRY
}

// An id from a document is a string: entity.ID reads it.
func ExampleID_Type() {
	for _, id := range []string{"person:sergey-lavrov", "city:aleppo", "org:nato"} {
		fmt.Println(id, entity.ID(id).Type())
	}
	// Output:
	// person:sergey-lavrov PERSON
	// city:aleppo LOCATION
	// org:nato ORGANIZATION
}
