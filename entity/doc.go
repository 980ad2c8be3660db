// Package entity names the things entente finds: the ID of an entity
// ("country:RU", "person:sergey-lavrov", "city:moscow"), the kinds an ID
// starts with, the entity types (PERSON, COUNTRY, ...), and the keys of
// entity attributes and mention evidence.
//
// It is a leaf: it imports no other entente package, so that gazetteer
// (which knows no pipeline), pipeline, extract and graph all build and
// read ids the same way.
package entity
