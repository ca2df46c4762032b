-- What the migrate task applies before anything that needs the database starts.
create table widgets (id serial primary key, name text not null);
insert into widgets (name) values ('sprocket'), ('gear'), ('flange');
