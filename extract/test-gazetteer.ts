/** A small gazetteer for the extractor's tests (the real one comes from the seed). */
import { buildGazetteer, type GazetteerEntity } from './entities.js';

export const TEST_ENTITIES: GazetteerEntity[] = [
  { id: 'person:vladimir-putin', label: 'Person', name: 'Vladimir Putin', aliases: ['Putin', 'Presiden Rusia'] },
  { id: 'person:kim-jong-un', label: 'Person', name: 'Kim Jong Un', aliases: ['Kim Jong-un', 'Kim'] },
  { id: 'person:kim-jong-gyu', label: 'Person', name: 'Kim Jong Gyu', aliases: [] },
  { id: 'person:choe-son-hui', label: 'Person', name: 'Choe Son Hui', aliases: ['Choe'] },
  { id: 'person:sergei-lavrov', label: 'Person', name: 'Sergei Lavrov', aliases: ['Lavrov'] },
  { id: 'person:volodymyr-zelenskiy', label: 'Person', name: 'Volodymyr Zelenskiy', aliases: ['Zelensky'] },
  { id: 'state:russia', label: 'State', name: 'Russia', aliases: ['Rusia'] },
  { id: 'state:north-korea', label: 'State', name: 'North Korea', aliases: ['Korea Utara', 'Korut'] },
  { id: 'state:south-korea', label: 'State', name: 'South Korea', aliases: ['Korea Selatan'] },
  { id: 'state:united-states', label: 'State', name: 'United States', aliases: ['Amerika Serikat', 'AS', 'US'] },
  { id: 'state:ukraine', label: 'State', name: 'Ukraine', aliases: ['Ukraina'] },
  { id: 'organization:state-duma', label: 'Organization', name: 'State Duma', aliases: ['Duma Negara', 'Duma'] },
  { id: 'organization:kcna', label: 'Organization', name: 'KCNA', aliases: [] },
  { id: 'organization:the-west', label: 'Organization', name: 'the West', aliases: ['Barat'] },
  { id: 'place:pyongyang', label: 'Place', name: 'Pyongyang', aliases: [], actsFor: 'state:north-korea' },
  { id: 'place:moscow', label: 'Place', name: 'Moscow', aliases: ['Moskow'], actsFor: 'state:russia' },
  { id: 'place:kursk', label: 'Place', name: 'Kursk', aliases: ['wilayah Kursk'] },
  { id: 'agreement:treaty', label: 'Agreement', name: 'Comprehensive Strategic Partnership Treaty', aliases: ['perjanjian kemitraan strategis', 'pakta pertahanan', 'mutual defence treaty'] },
  { id: 'event:launch', label: 'Event', name: 'missile launch', aliases: ['rentetan rudal balistik'] },
];

export const testGazetteer = () => buildGazetteer(TEST_ENTITIES);
