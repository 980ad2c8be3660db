package textnorm_test

import (
	"fmt"

	"github.com/entente-nlp/entente/internal/textnorm"
)

func ExampleFold() {
	fmt.Println(textnorm.Fold("Mevlüt Çavuşoğlu"), "|", textnorm.Fold("Fikri Işık"), "|", textnorm.Fold("Jabhat al-Nusra"))
	// Output: mevlut cavusoglu | fikri isik | jabhat al nusra
}
